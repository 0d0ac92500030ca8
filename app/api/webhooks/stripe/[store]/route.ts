import { forwardProviderWebhook } from "@/lib/admin/provider-webhooks";

// No same-origin check: Stripe's servers send this; the Store API checks the signature over the raw body.
export async function POST(request: Request, { params }: { params: Promise<{ store: string }> }) {
  return forwardProviderWebhook("stripe", (await params).store, request);
}
