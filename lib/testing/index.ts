// Testing entry point (`<package>/testing`): helpers for users' own jest tests.
export {};
