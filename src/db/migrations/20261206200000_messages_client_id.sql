-- A message's client id (`senderId` of WTS's Send API, kept as additional_attributes.client_id) finds it:
-- `GET /chat/v1/send/otp/{id}` takes the message id or that id. Partial: only messages sent with one.
CREATE INDEX messages_client_id ON messages (account_id, (additional_attributes ->> 'client_id'))
  WHERE additional_attributes ? 'client_id';
