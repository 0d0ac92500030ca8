"""verify_webhook on its own: both schemes, against the Standard Webhooks test vector."""
import base64
import hashlib
import hmac
import unittest

from brainsait_store import WebhookVerificationError, verify_webhook

# The Standard Webhooks specification's example (standard-webhooks/spec).
SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
MSG_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek"
TIMESTAMP = 1614265330
BODY = b'{"test": 2432232314}'
SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="


class VerifyWebhookTest(unittest.TestCase):
    def test_standard_webhooks_vector(self):
        headers = {
            "webhook-id": MSG_ID,
            "webhook-timestamp": str(TIMESTAMP),
            "webhook-signature": SIGNATURE,
        }
        event = verify_webhook(BODY, headers, SECRET, now=TIMESTAMP + 10)
        self.assertEqual(event, {"test": 2432232314})

    def test_either_secret_during_a_rotation(self):
        headers = {
            "Webhook-Id": MSG_ID,
            "Webhook-Timestamp": str(TIMESTAMP),
            "Webhook-Signature": "v1,bm90IHRoaXMgb25l " + SIGNATURE,
        }
        verify_webhook(BODY, headers, SECRET, now=TIMESTAMP)

    def test_replay_and_tampering_refused(self):
        headers = {
            "webhook-id": MSG_ID,
            "webhook-timestamp": str(TIMESTAMP),
            "webhook-signature": SIGNATURE,
        }
        with self.assertRaisesRegex(WebhookVerificationError, "tolerance"):
            verify_webhook(BODY, headers, SECRET, now=TIMESTAMP + 301)
        with self.assertRaisesRegex(WebhookVerificationError, "No signature"):
            verify_webhook(BODY + b" ", headers, SECRET, now=TIMESTAMP)

    def test_x_webhook_signature(self):
        body = '{"event":"order.created","data":{"name":"قهوة عربية"}}'.encode()
        digest = hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
        event = verify_webhook(body, [("X-Webhook-Signature", f"sha256={digest}")], SECRET)
        self.assertEqual(event["data"]["name"], "قهوة عربية")
        with self.assertRaises(WebhookVerificationError):
            verify_webhook(body, {"x-webhook-signature": "sha256=00"}, SECRET)
        with self.assertRaisesRegex(WebhookVerificationError, "No signature headers"):
            verify_webhook(body, {}, SECRET)
        with self.assertRaises(WebhookVerificationError):
            verify_webhook(body, {"x-webhook-signature": "sha256=" + "é" * 64}, SECRET)

    def test_signature_is_over_the_raw_bytes(self):
        key = base64.b64decode(SECRET[6:])
        signed = f"{MSG_ID}.{TIMESTAMP}.".encode() + BODY
        expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
        self.assertEqual(f"v1,{expected}", SIGNATURE)


if __name__ == "__main__":
    unittest.main()
