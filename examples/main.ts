// Synthesizes every example stack into cdktf.out/stacks/<name>/cdk.tf.json and prints each stack and
// every warning or error annotation. Run with `npm run synth` (no credentials, no terraform binary)
// or `npx cdktf synth`.
import { App } from "cdktf";
import { EXAMPLES } from "./stacks";
import { synthAndReport } from "./synth-report";

const app = new App();
for (const addExample of Object.values(EXAMPLES)) addExample(app);
synthAndReport(app);
