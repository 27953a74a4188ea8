-- The readiness check (/api/health/ready) compares the migrations on disk with those the
-- database finished. The app's role may read the runner's record, never change it.
GRANT SELECT ON _prisma_migrations TO proxypay_app;
