-- A delivery is claimed before it is sent: state 'sending', a token only the claiming node
-- knows, and until when the claim holds (epoch ms of the claimer's clock). Only the holder of
-- the token records the outcome; a claim past its time (the node died or stalled mid-send) may
-- be taken again, and the retry carries the same X-Kiji-Delivery id.
ALTER TABLE webhook_delivery ADD COLUMN claim_token VARCHAR(64);
ALTER TABLE webhook_delivery ADD COLUMN claimed_until BIGINT;
