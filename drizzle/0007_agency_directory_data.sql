-- Existing databases keep their sidebar: when the directory is empty and the sidebar still holds
-- the old site's entries, those people and units become directory records (with the numbers and
-- emails the entries hold today, which an admin may have changed) and the entries point at them.
-- People keep the entry's wording as the entry's label, so the sidebar renders exactly as before.
-- A fresh database has no entries yet: nothing happens here and db/seed.ts loads the directory.
-- Only what the old site's page states: no names, numbers or units from anywhere else.
DO $$
DECLARE
  leadership integer;
  office integer;
  inspectorate integer;
  inspection_team integer;
  emulation integer;
BEGIN
  IF EXISTS (SELECT 1 FROM org_units) OR NOT EXISTS (
    SELECT 1 FROM contact_entries WHERE name IN ('Ông Ngô Hồng Yến (Giám Đốc Sở)', 'Ông Trương Long Hồ (Phó Giám Đốc Sở)', 'Bà Ngô Thị Ngọc Hạnh (Chánh Văn phòng Sở)', 'Thanh tra Sở', 'Tổ kiểm tra công vụ')
  ) THEN
    RETURN;
  END IF;

  INSERT INTO org_units (name, position) VALUES ('Ban Giám đốc', 0) RETURNING id INTO leadership;
  INSERT INTO org_units (name, position) VALUES ('Văn phòng Sở', 1) RETURNING id INTO office;
  INSERT INTO org_units (name, position, phones, email)
    SELECT 'Thanh tra Sở', 2, coalesce((SELECT phones FROM contact_entries WHERE name = 'Thanh tra Sở' ORDER BY id LIMIT 1), '{}'),
           (SELECT email FROM contact_entries WHERE name = 'Thanh tra Sở' ORDER BY id LIMIT 1)
    RETURNING id INTO inspectorate;
  INSERT INTO org_units (name, position, phones, email)
    SELECT 'Tổ kiểm tra công vụ', 3, coalesce((SELECT phones FROM contact_entries WHERE name = 'Tổ kiểm tra công vụ' ORDER BY id LIMIT 1), '{}'),
           (SELECT email FROM contact_entries WHERE name = 'Tổ kiểm tra công vụ' ORDER BY id LIMIT 1)
    RETURNING id INTO inspection_team;
  INSERT INTO org_units (name, position) VALUES ('Ban Thi đua - Khen thưởng', 4) RETURNING id INTO emulation;

  INSERT INTO people (unit_id, position, honorific, full_name, title, phones, email, leader)
    SELECT leadership, 0, 'Ông', 'Ngô Hồng Yến', 'Giám đốc Sở', coalesce(e.phones, '{}'), e.email, true
    FROM (SELECT 1) one LEFT JOIN LATERAL (SELECT phones, email FROM contact_entries WHERE name = 'Ông Ngô Hồng Yến (Giám Đốc Sở)' ORDER BY id LIMIT 1) e ON true;
  INSERT INTO people (unit_id, position, honorific, full_name, title, phones, email, leader)
    SELECT leadership, 1, 'Ông', 'Trương Long Hồ', 'Phó Giám đốc Sở', coalesce(e.phones, '{}'), e.email, true
    FROM (SELECT 1) one LEFT JOIN LATERAL (SELECT phones, email FROM contact_entries WHERE name = 'Ông Trương Long Hồ (Phó Giám Đốc Sở)' ORDER BY id LIMIT 1) e ON true;
  INSERT INTO people (unit_id, position, honorific, full_name, title, phones, email, leader)
    SELECT office, 0, 'Bà', 'Ngô Thị Ngọc Hạnh', 'Chánh Văn phòng Sở', coalesce(e.phones, '{}'), e.email, false
    FROM (SELECT 1) one LEFT JOIN LATERAL (SELECT phones, email FROM contact_entries WHERE name = 'Bà Ngô Thị Ngọc Hạnh (Chánh Văn phòng Sở)' ORDER BY id LIMIT 1) e ON true;

  -- Linked entries read their numbers from the directory; their own copies are emptied so a number
  -- lives in one place only.
  UPDATE contact_entries c SET person_id = p.id, phones = '{}', email = NULL
    FROM people p
    WHERE (c.name, p.full_name) IN (
      ('Ông Ngô Hồng Yến (Giám Đốc Sở)', 'Ngô Hồng Yến'),
      ('Ông Trương Long Hồ (Phó Giám Đốc Sở)', 'Trương Long Hồ'),
      ('Bà Ngô Thị Ngọc Hạnh (Chánh Văn phòng Sở)', 'Ngô Thị Ngọc Hạnh'));
  UPDATE contact_entries SET unit_id = inspectorate, name = '', phones = '{}', email = NULL WHERE name = 'Thanh tra Sở';
  UPDATE contact_entries SET unit_id = inspection_team, name = '', phones = '{}', email = NULL WHERE name = 'Tổ kiểm tra công vụ';
END $$;
--> statement-breakpoint
-- The footer's default address was never verified by the department: it goes. So does the
-- default phone, which is Thanh tra Sở's number, not the department's. Only the untouched
-- defaults are removed; anything an admin typed stays.
UPDATE site_settings SET value = jsonb_set(value, '{address}', '""')
  WHERE key = 'site' AND value->>'address' = 'Số 12 Lê Triệu Kiết, phường Mỹ Bình, thành phố Long Xuyên, tỉnh An Giang';
--> statement-breakpoint
UPDATE site_settings SET value = jsonb_set(value, '{phone}', '""')
  WHERE key = 'site' AND value->>'phone' = '02963.981.818';
