// The first operator of a real deployment (the demo operators of README exist only on a
// demo database). Prompts on a terminal, the password without echo; for automation it reads
// OPERATOR_NAME, OPERATOR_PHONE and OPERATOR_PASSWORD instead. Connects with DATABASE_URL
// (the app's role is enough) to a database that has been migrated.
//
//   npm run operator:create
//   OPERATOR_NAME=… OPERATOR_PHONE=+2547… OPERATOR_PASSWORD=… npm run operator:create
import { createInterface } from "node:readline/promises";
import { z } from "zod";
import { isDomainError } from "../src/domain/errors";
import { renderInputMessage } from "../src/i18n/translate";
import { operatorPassword, phone, text } from "../src/server/api/inputs";
import { disconnectDb } from "../src/server/db/client";
import { createOperator } from "../src/server/use-cases/create-operator";

const operatorInput = z.strictObject({
  name: text("The name", 80),
  phone,
  password: operatorPassword,
});

async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

/** Reads a line from the terminal without echoing it. */
function askHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stdout.write(question);
  return new Promise((resolve, reject) => {
    let typed = "";
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString("utf8")) {
        if (char === "\r" || char === "\n" || char === "\u0004") {
          done();
          process.stdout.write("\n");
          resolve(typed);
          return;
        }
        if (char === "\u0003") {
          done();
          process.stdout.write("\n");
          reject(new Error("cancelled"));
          return;
        }
        if (char === "\u007f" || char === "\b") typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    const done = () => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on("data", onData);
  });
}

async function readInput(): Promise<Record<string, string | undefined>> {
  const env = {
    name: process.env.OPERATOR_NAME,
    phone: process.env.OPERATOR_PHONE,
    password: process.env.OPERATOR_PASSWORD,
  };
  if (env.name && env.phone && env.password) return env;
  if (!process.stdin.isTTY) {
    throw new Error(
      "set OPERATOR_NAME, OPERATOR_PHONE and OPERATOR_PASSWORD, or run this on a terminal",
    );
  }
  const name = env.name ?? (await ask("Operator's name: "));
  const phoneNumber = env.phone ?? (await ask("Phone (international form, +254…): "));
  let password = env.password;
  if (!password) {
    password = await askHidden("Password (at least 12 characters): ");
    if ((await askHidden("Password again: ")) !== password) {
      throw new Error("the two passwords differ");
    }
  }
  return { name, phone: phoneNumber, password };
}

async function main(): Promise<number> {
  if (!process.env.DATABASE_URL) {
    console.error("DATABASE_URL is not set: point it at the migrated database");
    return 1;
  }
  const parsed = operatorInput.safeParse(await readInput());
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      console.error(`${issue.path.join(".")}: ${renderInputMessage(issue.message, "en")}`);
    return 1;
  }
  try {
    const { userId } = await createOperator(null, parsed.data);
    console.log(`Operator ${parsed.data.name} (${parsed.data.phone}) created: ${userId}`);
    console.log("Sign in at /admin with that phone number and password.");
    return 0;
  } catch (error) {
    if (isDomainError(error)) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await disconnectDb();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error("operator:create failed:", error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
