// Synthesizes every example stack into cdktf.out/stacks/<name>/cdk.tf.json and prints each stack and
// every warning or error annotation. Run with `npm run synth` (no credentials, no terraform binary)
// or `npx cdktf synth`.
import { App } from "cdktf";
import { STATE_OWNERSHIP_SCOPE_CONTEXT_KEY, TokenStackTraces } from "cdktf-defender-for-containers";
import { EXAMPLES } from "./stacks";
import { synthAndReport } from "./synth-report";

// The examples are alternatives for different environments, all with the same placeholder
// subscription: check one owner per resource within each stack only, not across them.
const app = new App({ context: { [STATE_OWNERSHIP_SCOPE_CONTEXT_KEY]: "stack" } });
// Tokens keep no creation stack trace until app.synth() returns: same Terraform, faster synth.
TokenStackTraces.disableUntilSynth(app);
for (const addExample of Object.values(EXAMPLES)) addExample(app);
synthAndReport(app);
