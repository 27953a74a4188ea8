-- The language a person chose with the switcher (issue 12), remembered with the account so
-- it follows them to a new device at sign-in. NULL: never chosen; the browser's languages
-- decide. The app's role may update it (users already allows UPDATE for proxypay_app).
ALTER TABLE users ADD COLUMN locale text NULL
  CONSTRAINT users_locale_known CHECK (locale IN ('en', 'sw', 'fr', 'zh'));
