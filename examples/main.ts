// Synthesizes every example stack into cdktf.out/stacks/<name>/cdk.tf.json.
// Run with `npm run synth` (no credentials, no terraform binary) or `cdktf synth`.
import { App } from "cdktf";
import { TokenStackTraces } from "cdktf-defender-for-containers";
import { EXAMPLES } from "./stacks";

const app = new App();
// Tokens keep no creation stack trace until app.synth() returns: same Terraform, faster synth.
TokenStackTraces.disableUntilSynth(app);
for (const addExample of Object.values(EXAMPLES)) addExample(app);
app.synth();
