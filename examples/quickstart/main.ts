import { App } from "cdktf";
import { QuickstartStack } from "./quickstart-stack";

const app = new App();
new QuickstartStack(app, "quickstart");
app.synth();
