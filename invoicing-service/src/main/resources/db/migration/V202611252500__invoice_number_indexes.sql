-- The next running numbers of a finalization are max()+1 over these: without indexes each
-- finalization scanned all of the organization's invoices (a billing run grew with its square).
CREATE INDEX invoices_organization_sequence_idx
    ON invoices (organization_id, organization_sequential_id);
CREATE INDEX invoices_customer_sequence_idx ON invoices (customer_id, sequential_id);
