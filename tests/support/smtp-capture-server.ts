/**
 * The SMTP capture for the Playwright tests, until stopped:
 *
 *   tsx tests/support/smtp-capture-server.ts --smtp-port 12125 --http-port 12126
 *
 * The main server's SMTP_URL points at --smtp-port; specs read GET <http>/messages?to=<email>.
 */
import { parseArgs } from "node:util";
import { serveCaptureOverHttp, startSmtpCapture } from "./smtp-capture";

async function main() {
  const { values } = parseArgs({
    options: {
      "smtp-port": { type: "string", default: "12125" },
      "http-port": { type: "string", default: "12126" },
    },
  });
  const capture = await startSmtpCapture(Number(values["smtp-port"]));
  const http = await serveCaptureOverHttp(capture, Number(values["http-port"]));
  console.log("smtp capture ready");
  const stop = () => {
    http.close();
    void capture.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

void main();
