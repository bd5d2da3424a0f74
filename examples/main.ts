// Synthesizes every example stack into cdktf.out/stacks/<name>/cdk.tf.json.
// Run with `npm run synth` (no credentials, no terraform binary) or `cdktf synth`.
import { App } from "cdktf";
import { EXAMPLES } from "./stacks";

const app = new App();
for (const addExample of Object.values(EXAMPLES)) addExample(app);
app.synth();
