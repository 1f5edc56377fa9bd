-- The audit log is append-only in the database itself (QUALITY.md): whoever connects — the app's own
-- role included — may INSERT and SELECT audit events but not UPDATE, DELETE or TRUNCATE them. Only the
-- table's owner can get past this (ALTER TABLE … DISABLE TRIGGER), which is why production runs the
-- app under a role that does not own its tables (docs/security.md, "The audit log"); what the owner
-- does anyway is caught by the keyed chain and the checkpoints kept outside the database.
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege', HINT = 'Audit events are never changed or removed; see docs/security.md.';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
