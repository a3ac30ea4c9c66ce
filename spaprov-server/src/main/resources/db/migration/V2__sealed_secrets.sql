-- Device keys and variables are stored sealed (AES-256-GCM, base64): room for the nonce, tag and base64.
ALTER TABLE device_keys ALTER COLUMN aes_key SET DATA TYPE VARCHAR(1024);
