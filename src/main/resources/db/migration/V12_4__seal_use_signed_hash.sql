-- A seal use records what the seal signed: the SM3 of the signature's Signature.xml (签名原文), which holds the SM3
-- of every protected file of the document; no longer the SM3 of the whole sealed file.
ALTER TABLE seal_use RENAME COLUMN document_hash TO signed_hash;
