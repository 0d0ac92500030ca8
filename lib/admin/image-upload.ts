import { returnServerError } from "next-safe-action";
import { z } from "zod";
import { fail, type ActionIssue } from "@/lib/admin/action-result";

/** What an image upload action receives: a form with one `file` field. */
export const ImageForm = z.instanceof(FormData);

/**
 * The uploaded image, checked here before it reaches the API (which checks it again): a failure
 * ends the action with the issue on the `file` field.
 */
export function imageFile(form: FormData, maxBytes: number, types: readonly string[]): File {
  const file = form.get("file");
  const refuse = (issue: ActionIssue) =>
    returnServerError(fail(issue.code, issue.message, { file: issue }));
  if (!(file instanceof File) || file.size === 0)
    return refuse({ code: "required", message: "Choose an image" });
  if (file.size > maxBytes)
    return refuse({ code: "too_large", message: "Images can be at most 5 MB" });
  if (!types.includes(file.type))
    return refuse({ code: "unsupported_type", message: "Upload a PNG, JPEG, WebP or GIF image" });
  return file;
}
