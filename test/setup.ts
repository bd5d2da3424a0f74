import { Testing } from "cdktf";
// Type declarations for cdktf's jest matchers (toHaveResourceWithProperties, ...).
import "cdktf/lib/testing/adapters/jest";

Testing.setupJest();
