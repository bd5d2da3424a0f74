// ESLint 9 flat config: typescript-eslint's recommended rules (syntax only, so `npm test` stays fast;
// `tsc --noEmit` does the type checking) on the library's sources.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "cdktf.out/**", ".gen/**"] },
  {
    files: ["lib/**/*.ts"],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    rules: {
      // cdktf's own escape hatches are untyped (`toTerraform(): any`, raw HCL attribute maps, Helm values).
      "@typescript-eslint/no-explicit-any": "off",
      // Props interfaces that extend one other interface are the aws-cdk way to name a props type.
      "@typescript-eslint/no-empty-object-type": ["error", { allowInterfaces: "with-single-extends" }],
      // `_name`: a parameter an overridden method must declare, or a value destructured away.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      // Errors are DefenderValidationError (construct path, property, value, expected form) or another
      // typed error of lib/core/errors.ts: a plain Error cannot be told apart by users' catch blocks.
      "no-restricted-syntax": [
        "error",
        {
          selector: "NewExpression[callee.name='Error'], CallExpression[callee.name='Error']",
          message: "Throw DefenderValidationError (with the construct) or another typed error from lib/core/errors.ts, not Error.",
        },
      ],
    },
  },
);
