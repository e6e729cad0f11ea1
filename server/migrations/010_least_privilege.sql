-- Least privilege (issue #19). Migrations and seeds run as the owner of the schema; the app runs as a role that
-- owns nothing and holds only the grants below, through the group role koege_app (NOLOGIN). An operator gives a
-- login role those rights with `GRANT koege_app TO <login role>` (see the README). The audit trail (tender and
-- action-progress events, sketch versions and events) may only be added to and read: not owning the tables,
-- the app can neither UPDATE, DELETE or TRUNCATE them, nor disable their triggers, nor (not being a superuser)
-- set session_replication_role to skip them.
--
-- A table added by a later migration is readable by koege_app (the default privileges below); any write to it
-- must be granted there, explicitly.

-- Roles belong to the cluster, not the database: another database of the same cluster may have made it already,
-- perhaps at this very moment; and an owner without CREATEROLE can still migrate once an admin made the role.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'koege_app') THEN
    BEGIN
      CREATE ROLE koege_app NOLOGIN;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL;
    END;
  END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO koege_app;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO koege_app;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO koege_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO koege_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE ON SEQUENCES TO koege_app;

-- Accounts: logins are counted, sessions come and go, users are added and disabled (never deleted).
GRANT INSERT, DELETE ON login_attempt TO koege_app;
GRANT INSERT, UPDATE, DELETE ON user_session TO koege_app;
GRANT INSERT, UPDATE ON app_user TO koege_app;

-- The workflow: a tender's and an action's current state change; their history is appended to.
GRANT UPDATE ON tender, action TO koege_app;
GRANT INSERT ON tender_event, action_progress_event TO koege_app;
-- A tender change bumps its layer's version (trigger bump_layer_version, run with the app's rights).
GRANT UPDATE (version) ON layer TO koege_app;

-- Sketches: the identity row changes (current version, soft delete); versions and events are appended.
GRANT INSERT, UPDATE ON sketch TO koege_app;
GRANT INSERT ON sketch_version, sketch_event TO koege_app;

-- The flood model stores each extent once.
GRANT INSERT ON flood_extent TO koege_app;

-- sketch_event gets the guard the other audit tables have, and sketch_version the TRUNCATE guard it lacked: they
-- hold for the owner too, who must drop a trigger, visibly, in a migration, to change history.
CREATE TRIGGER sketch_event_append_only BEFORE UPDATE OR DELETE ON sketch_event
  FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER sketch_event_no_truncate BEFORE TRUNCATE ON sketch_event
  FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();
CREATE TRIGGER sketch_version_no_truncate BEFORE TRUNCATE ON sketch_version
  FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();
