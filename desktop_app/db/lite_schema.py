"""Written by ``python -m desktop_app.db.lite_make`` (db/lite_make.py): do not edit.

The schema a new database gets at the head revision, and what the quick sqlite3 writer
needs to know of the models, without importing SQLAlchemy; tests/unit/test_import_lite.py
checks that this file is what lite_make would write now."""

HEAD = '0007'

# sqlite_master's statements in order, as schema._create_at_head makes them
SCHEMA: tuple[str, ...] = (
    "CREATE TABLE committees (\n\tid INTEGER NOT NULL, \n\tname VARCHAR(200) NOT NULL, \n\tshort_name VARCHAR(50) NOT NULL, \n\tcouncil VARCHAR(200) NOT NULL, \n\tcontact TEXT NOT NULL, \n\tprint_options TEXT DEFAULT '' NOT NULL, \n\tcreated_at DATETIME NOT NULL, \n\tupdated_at DATETIME NOT NULL, \n\tversion INTEGER NOT NULL, \n\tCONSTRAINT pk_committees PRIMARY KEY (id), \n\tCONSTRAINT uq_committees_name UNIQUE (name)\n)",
    'CREATE TABLE members (\n\tid INTEGER NOT NULL, \n\tname VARCHAR(200) NOT NULL, \n\ttitle VARCHAR(50) NOT NULL, \n\tcreated_at DATETIME NOT NULL, \n\tupdated_at DATETIME NOT NULL, \n\tversion INTEGER NOT NULL, \n\tCONSTRAINT pk_members PRIMARY KEY (id)\n)',
    'CREATE TABLE audit_log (\n\tid INTEGER NOT NULL, \n\tat DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, \n\twho VARCHAR(200) NOT NULL, \n\tcommittee_id INTEGER, \n\ttable_name VARCHAR(60) NOT NULL, \n\trow_id INTEGER NOT NULL, \n\toperation VARCHAR(10) NOT NULL, \n\tfield VARCHAR(60) NOT NULL, \n\told TEXT, \n\tnew TEXT, \n\trow_version INTEGER, \n\tCONSTRAINT pk_audit_log PRIMARY KEY (id)\n)',
    'CREATE INDEX ix_audit_log_committee_id ON audit_log (committee_id)',
    'CREATE INDEX ix_audit_log_table_row ON audit_log (table_name, row_id)',
    'CREATE TABLE contacts (\n\tid INTEGER NOT NULL, \n\tname VARCHAR(200) NOT NULL, \n\temail VARCHAR(320) NOT NULL, \n\tjob_title VARCHAR(200) NOT NULL, \n\tdirectorate VARCHAR(200) NOT NULL, \n\tcreated_at DATETIME NOT NULL, \n\tupdated_at DATETIME NOT NULL, \n\tversion INTEGER NOT NULL, \n\tCONSTRAINT pk_contacts PRIMARY KEY (id), \n\tCONSTRAINT uq_contacts_name UNIQUE (name)\n)',
    'CREATE TABLE database_identity (\n\tid INTEGER NOT NULL, \n\ttoken VARCHAR(36) NOT NULL, \n\tCONSTRAINT pk_database_identity PRIMARY KEY (id)\n)',
    'CREATE TABLE memberships (\n\tid INTEGER NOT NULL, \n\tcommittee_id INTEGER NOT NULL, \n\tmember_id INTEGER NOT NULL, \n\trole VARCHAR(20) NOT NULL, \n\tvoting BOOLEAN NOT NULL, \n\tposition INTEGER NOT NULL, \n\tcreated_at DATETIME NOT NULL, \n\tupdated_at DATETIME NOT NULL, \n\tversion INTEGER NOT NULL, \n\tCONSTRAINT pk_memberships PRIMARY KEY (id), \n\tCONSTRAINT uq_memberships_committee_id_member_id UNIQUE (committee_id, member_id), \n\tCONSTRAINT fk_memberships_committee_id_committees FOREIGN KEY(committee_id) REFERENCES committees (id) ON DELETE CASCADE, \n\tCONSTRAINT fk_memberships_member_id_members FOREIGN KEY(member_id) REFERENCES members (id) ON DELETE CASCADE\n)',
    'CREATE TABLE meetings (\n\tid INTEGER NOT NULL, \n\tcommittee_id INTEGER NOT NULL, \n\tdate DATE NOT NULL, \n\tstart_time TIME, \n\tvenue VARCHAR(300) NOT NULL, \n\tkind VARCHAR(30) NOT NULL, \n\tstatus VARCHAR(20) NOT NULL, \n\tminute_start INTEGER, \n\tpublication_deadline_override DATE, \n\tquestions_deadline_override DATE, \n\tnotes TEXT NOT NULL, \n\tminutes_approved_meeting_id INTEGER, \n\tminutes_approved_on DATE, \n\tcreated_at DATETIME NOT NULL, \n\tupdated_at DATETIME NOT NULL, \n\tversion INTEGER NOT NULL, \n\tCONSTRAINT pk_meetings PRIMARY KEY (id), \n\tCONSTRAINT uq_meetings_committee_id_date UNIQUE (committee_id, date), \n\tCONSTRAINT fk_meetings_committee_id_committees FOREIGN KEY(committee_id) REFERENCES committees (id) ON DELETE CASCADE, \n\tCONSTRAINT fk_meetings_minutes_approved_meeting_id_meetings FOREIGN KEY(minutes_approved_meeting_id) REFERENCES meetings (id) ON DELETE SET NULL\n)',
    'CREATE TABLE attendance (\n\tid INTEGER NOT NULL, \n\tmeeting_id INTEGER NOT NULL, \n\tmember_id INTEGER, \n\tname VARCHAR(200) NOT NULL, \n\tkind VARCHAR(20) NOT NULL, \n\tsubstitute_for VARCHAR(200) NOT NULL, \n\trole TEXT NOT NULL, \n\tposition INTEGER NOT NULL, \n\tcreated_at DATETIME NOT NULL, \n\tupdated_at DATETIME NOT NULL, \n\tversion INTEGER NOT NULL, \n\tCONSTRAINT pk_attendance PRIMARY KEY (id), \n\tCONSTRAINT fk_attendance_meeting_id_meetings FOREIGN KEY(meeting_id) REFERENCES meetings (id) ON DELETE CASCADE, \n\tCONSTRAINT fk_attendance_member_id_members FOREIGN KEY(member_id) REFERENCES members (id) ON DELETE SET NULL\n)',
    'CREATE INDEX ix_attendance_meeting_id ON attendance (meeting_id)',
    'CREATE TABLE agenda_items (\n\tid INTEGER NOT NULL, \n\tmeeting_id INTEGER NOT NULL, \n\tnumber VARCHAR(20) NOT NULL, \n\tposition INTEGER NOT NULL, \n\ttitle TEXT NOT NULL, \n\tpurpose TEXT NOT NULL, \n\tscrutiny_type VARCHAR(200) NOT NULL, \n\tlead_officers TEXT NOT NULL, \n\texempt BOOLEAN NOT NULL, \n\texempt_paragraph VARCHAR(20) NOT NULL, \n\tminutes_text TEXT NOT NULL, \n\tresolutions TEXT NOT NULL, \n\tincomplete BOOLEAN NOT NULL, \n\tcreated_at DATETIME NOT NULL, \n\tupdated_at DATETIME NOT NULL, \n\tversion INTEGER NOT NULL, \n\tCONSTRAINT pk_agenda_items PRIMARY KEY (id), \n\tCONSTRAINT fk_agenda_items_meeting_id_meetings FOREIGN KEY(meeting_id) REFERENCES meetings (id) ON DELETE CASCADE\n)',
    "CREATE TABLE work_programme_items (\n\tid INTEGER NOT NULL, \n\tcommittee_id INTEGER NOT NULL, \n\ttitle TEXT NOT NULL, \n\tformat VARCHAR(30) NOT NULL, \n\tscrutiny_type VARCHAR(200) NOT NULL, \n\torigin TEXT NOT NULL, \n\tlead_officers TEXT NOT NULL, \n\tcurrent_position TEXT NOT NULL, \n\tmeeting_id INTEGER, \n\ttarget_text VARCHAR(100) NOT NULL, \n\ttarget_date DATE, \n\tstatus VARCHAR(20) NOT NULL, \n\tsort_order INTEGER NOT NULL, \n\tstatus_word TEXT DEFAULT '' NOT NULL, \n\trag VARCHAR(10) DEFAULT '' NOT NULL, \n\textra TEXT DEFAULT '' NOT NULL, \n\tcreated_at DATETIME NOT NULL, \n\tupdated_at DATETIME NOT NULL, \n\tversion INTEGER NOT NULL, \n\tCONSTRAINT pk_work_programme_items PRIMARY KEY (id), \n\tCONSTRAINT fk_work_programme_items_committee_id_committees FOREIGN KEY(committee_id) REFERENCES committees (id) ON DELETE CASCADE, \n\tCONSTRAINT fk_work_programme_items_meeting_id_meetings FOREIGN KEY(meeting_id) REFERENCES meetings (id) ON DELETE SET NULL\n)",
    "CREATE TABLE attachments (\n\tid INTEGER NOT NULL, \n\tagenda_item_id INTEGER NOT NULL, \n\tpath TEXT NOT NULL, \n\ttitle TEXT NOT NULL, \n\tposition INTEGER NOT NULL, \n\tcontent BLOB, \n\tsha256 VARCHAR(64) DEFAULT '' NOT NULL, \n\tsize_bytes INTEGER DEFAULT '0' NOT NULL, \n\tpage_count INTEGER DEFAULT '0' NOT NULL, \n\ttext_content TEXT DEFAULT '' NOT NULL, \n\tcreated_at DATETIME NOT NULL, \n\tupdated_at DATETIME NOT NULL, \n\tversion INTEGER NOT NULL, \n\tCONSTRAINT pk_attachments PRIMARY KEY (id), \n\tCONSTRAINT fk_attachments_agenda_item_id_agenda_items FOREIGN KEY(agenda_item_id) REFERENCES agenda_items (id) ON DELETE CASCADE\n)",
    "CREATE TABLE recommendations (\n\tid INTEGER NOT NULL, \n\tcommittee_id INTEGER NOT NULL, \n\tmeeting_id INTEGER, \n\tagenda_item_id INTEGER, \n\titem_title TEXT NOT NULL, \n\tlabel VARCHAR(20) NOT NULL, \n\ttext TEXT NOT NULL, \n\taddressee VARCHAR(200) NOT NULL, \n\tsent_on DATE, \n\tresponse TEXT NOT NULL, \n\tresponse_on DATE, \n\tverdict VARCHAR(30) NOT NULL, \n\tresponse_due_override DATE, \n\tstatus VARCHAR(20) NOT NULL, \n\tposition INTEGER NOT NULL, \n\tupdated_on DATE, \n\tprocedural BOOLEAN NOT NULL, \n\tstatus_word TEXT DEFAULT '' NOT NULL, \n\trag VARCHAR(10) DEFAULT '' NOT NULL, \n\textra TEXT DEFAULT '' NOT NULL, \n\tverdict_word TEXT DEFAULT '' NOT NULL, \n\tcreated_at DATETIME NOT NULL, \n\tupdated_at DATETIME NOT NULL, \n\tversion INTEGER NOT NULL, \n\tCONSTRAINT pk_recommendations PRIMARY KEY (id), \n\tCONSTRAINT fk_recommendations_committee_id_committees FOREIGN KEY(committee_id) REFERENCES committees (id) ON DELETE CASCADE, \n\tCONSTRAINT fk_recommendations_meeting_id_meetings FOREIGN KEY(meeting_id) REFERENCES meetings (id) ON DELETE SET NULL, \n\tCONSTRAINT fk_recommendations_agenda_item_id_agenda_items FOREIGN KEY(agenda_item_id) REFERENCES agenda_items (id) ON DELETE SET NULL\n)",
    "CREATE TABLE actions (\n\tid INTEGER NOT NULL, \n\tcommittee_id INTEGER NOT NULL, \n\tref VARCHAR(50) NOT NULL, \n\tmeeting_id INTEGER, \n\tagenda_item_id INTEGER, \n\titem_title TEXT NOT NULL, \n\ttext TEXT NOT NULL, \n\towner VARCHAR(200) NOT NULL, \n\tdirectorate VARCHAR(200) NOT NULL, \n\tprogress TEXT NOT NULL, \n\tdue_date DATE, \n\tdue_text VARCHAR(100) NOT NULL, \n\tstatus VARCHAR(20) NOT NULL, \n\tcompleted_on DATE, \n\treported_complete_meeting_id INTEGER, \n\treported_complete_on DATE, \n\traised_on DATE, \n\tupdated_on DATE, \n\tposition INTEGER NOT NULL, \n\tstatus_word TEXT DEFAULT '' NOT NULL, \n\trag VARCHAR(10) DEFAULT '' NOT NULL, \n\textra TEXT DEFAULT '' NOT NULL, \n\tcreated_at DATETIME NOT NULL, \n\tupdated_at DATETIME NOT NULL, \n\tversion INTEGER NOT NULL, \n\tCONSTRAINT pk_actions PRIMARY KEY (id), \n\tCONSTRAINT fk_actions_committee_id_committees FOREIGN KEY(committee_id) REFERENCES committees (id) ON DELETE CASCADE, \n\tCONSTRAINT fk_actions_meeting_id_meetings FOREIGN KEY(meeting_id) REFERENCES meetings (id) ON DELETE SET NULL, \n\tCONSTRAINT fk_actions_agenda_item_id_agenda_items FOREIGN KEY(agenda_item_id) REFERENCES agenda_items (id) ON DELETE SET NULL, \n\tCONSTRAINT fk_actions_reported_complete_meeting_id_meetings FOREIGN KEY(reported_complete_meeting_id) REFERENCES meetings (id) ON DELETE SET NULL\n)",
    'CREATE INDEX ix_actions_committee_meeting_ref ON actions (committee_id, meeting_id, ref)',
    'CREATE TABLE work_item_moves (\n\tid INTEGER NOT NULL, \n\titem_id INTEGER NOT NULL, \n\tmoved_on DATE NOT NULL, \n\tfrom_date DATE, \n\tto_date DATE, \n\treason TEXT NOT NULL, \n\tauthor VARCHAR(200) NOT NULL, \n\tCONSTRAINT pk_work_item_moves PRIMARY KEY (id), \n\tCONSTRAINT fk_work_item_moves_item_id_work_programme_items FOREIGN KEY(item_id) REFERENCES work_programme_items (id) ON DELETE CASCADE\n)',
    'CREATE INDEX ix_work_item_moves_item_id ON work_item_moves (item_id)',
    'CREATE TABLE progress_updates (\n\tid INTEGER NOT NULL, \n\taction_id INTEGER, \n\trecommendation_id INTEGER, \n\t"on" DATE NOT NULL, \n\ttext TEXT NOT NULL, \n\tauthor VARCHAR(200) NOT NULL, \n\tcreated_at DATETIME NOT NULL, \n\tCONSTRAINT pk_progress_updates PRIMARY KEY (id), \n\tCONSTRAINT ck_progress_updates_one_target CHECK ((action_id IS NULL) <> (recommendation_id IS NULL)), \n\tCONSTRAINT fk_progress_updates_action_id_actions FOREIGN KEY(action_id) REFERENCES actions (id) ON DELETE CASCADE, \n\tCONSTRAINT fk_progress_updates_recommendation_id_recommendations FOREIGN KEY(recommendation_id) REFERENCES recommendations (id) ON DELETE CASCADE\n)',
    'CREATE INDEX ix_progress_updates_action_id ON progress_updates (action_id)',
    'CREATE INDEX ix_progress_updates_recommendation_id ON progress_updates (recommendation_id)',
    "CREATE VIRTUAL TABLE search_index USING fts5(committee_id UNINDEXED, title, body, tokenize = 'porter unicode61 remove_diacritics 2')",
    'CREATE TABLE search_index_queue (row_key INTEGER NOT NULL PRIMARY KEY)',
    'CREATE TRIGGER search_action_ai AFTER INSERT ON actions BEGIN INSERT OR IGNORE INTO search_index_queue (row_key) VALUES (NEW.id * 8 + 1); END',
    'CREATE TRIGGER search_action_ad AFTER DELETE ON actions BEGIN INSERT OR IGNORE INTO search_index_queue (row_key) VALUES (OLD.id * 8 + 1); END',
    'CREATE TRIGGER search_action_au AFTER UPDATE OF committee_id, directorate, item_title, owner, progress, ref, text ON actions BEGIN INSERT OR IGNORE INTO search_index_queue (row_key) VALUES (OLD.id * 8 + 1); INSERT OR IGNORE INTO search_index_queue (row_key) VALUES (NEW.id * 8 + 1); END',
    'CREATE TRIGGER search_recommendation_ai AFTER INSERT ON recommendations BEGIN INSERT OR IGNORE INTO search_index_queue (row_key) VALUES (NEW.id * 8 + 2); END',
    'CREATE TRIGGER search_recommendation_ad AFTER DELETE ON recommendations BEGIN INSERT OR IGNORE INTO search_index_queue (row_key) VALUES (OLD.id * 8 + 2); END',
    'CREATE TRIGGER search_recommendation_au AFTER UPDATE OF addressee, committee_id, item_title, label, response, text ON recommendations BEGIN INSERT OR IGNORE INTO search_index_queue (row_key) VALUES (OLD.id * 8 + 2); INSERT OR IGNORE INTO search_index_queue (row_key) VALUES (NEW.id * 8 + 2); END',
    'CREATE TRIGGER search_work_item_ai AFTER INSERT ON work_programme_items BEGIN INSERT OR IGNORE INTO search_index_queue (row_key) VALUES (NEW.id * 8 + 3); END',
    'CREATE TRIGGER search_work_item_ad AFTER DELETE ON work_programme_items BEGIN INSERT OR IGNORE INTO search_index_queue (row_key) VALUES (OLD.id * 8 + 3); END',
    'CREATE TRIGGER search_work_item_au AFTER UPDATE OF committee_id, current_position, lead_officers, origin, scrutiny_type, title ON work_programme_items BEGIN INSERT OR IGNORE INTO search_index_queue (row_key) VALUES (OLD.id * 8 + 3); INSERT OR IGNORE INTO search_index_queue (row_key) VALUES (NEW.id * 8 + 3); END',
    'CREATE TRIGGER search_agenda_item_ai AFTER INSERT ON agenda_items BEGIN INSERT OR IGNORE INTO search_index_queue (row_key) VALUES (NEW.id * 8 + 4); END',
    'CREATE TRIGGER search_agenda_item_ad AFTER DELETE ON agenda_items BEGIN INSERT OR IGNORE INTO search_index_queue (row_key) VALUES (OLD.id * 8 + 4); END',
    'CREATE TRIGGER search_agenda_item_au AFTER UPDATE OF lead_officers, meeting_id, purpose, title ON agenda_items BEGIN INSERT OR IGNORE INTO search_index_queue (row_key) VALUES (OLD.id * 8 + 4); INSERT OR IGNORE INTO search_index_queue (row_key) VALUES (NEW.id * 8 + 4); END',
    'CREATE TRIGGER search_minutes_ai AFTER INSERT ON agenda_items BEGIN INSERT OR IGNORE INTO search_index_queue (row_key) VALUES (NEW.id * 8 + 5); END',
    'CREATE TRIGGER search_minutes_ad AFTER DELETE ON agenda_items BEGIN INSERT OR IGNORE INTO search_index_queue (row_key) VALUES (OLD.id * 8 + 5); END',
    'CREATE TRIGGER search_minutes_au AFTER UPDATE OF meeting_id, minutes_text, resolutions, title ON agenda_items BEGIN INSERT OR IGNORE INTO search_index_queue (row_key) VALUES (OLD.id * 8 + 5); INSERT OR IGNORE INTO search_index_queue (row_key) VALUES (NEW.id * 8 + 5); END',
    'CREATE TRIGGER search_attachment_ai AFTER INSERT ON attachments BEGIN INSERT OR IGNORE INTO search_index_queue (row_key) VALUES (NEW.id * 8 + 6); END',
    'CREATE TRIGGER search_attachment_ad AFTER DELETE ON attachments BEGIN INSERT OR IGNORE INTO search_index_queue (row_key) VALUES (OLD.id * 8 + 6); END',
    'CREATE TRIGGER search_attachment_au AFTER UPDATE OF meeting_id, text_content, title ON attachments BEGIN INSERT OR IGNORE INTO search_index_queue (row_key) VALUES (OLD.id * 8 + 6); INSERT OR IGNORE INTO search_index_queue (row_key) VALUES (NEW.id * 8 + 6); END',
    'CREATE TABLE alembic_version (\n\tversion_num VARCHAR(32) NOT NULL, \n\tCONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n)',
)

# every column of each table, in order
COLUMNS: dict[str, tuple[str, ...]] = {
    'audit_log': ('id', 'at', 'who', 'committee_id', 'table_name', 'row_id', 'operation', 'field', 'old', 'new', 'row_version'),
    'committees': ('id', 'name', 'short_name', 'council', 'contact', 'print_options', 'created_at', 'updated_at', 'version'),
    'contacts': ('id', 'name', 'email', 'job_title', 'directorate', 'created_at', 'updated_at', 'version'),
    'database_identity': ('id', 'token'),
    'members': ('id', 'name', 'title', 'created_at', 'updated_at', 'version'),
    'meetings': ('id', 'committee_id', 'date', 'start_time', 'venue', 'kind', 'status', 'minute_start', 'publication_deadline_override', 'questions_deadline_override', 'notes', 'minutes_approved_meeting_id', 'minutes_approved_on', 'created_at', 'updated_at', 'version'),
    'memberships': ('id', 'committee_id', 'member_id', 'role', 'voting', 'position', 'created_at', 'updated_at', 'version'),
    'agenda_items': ('id', 'meeting_id', 'number', 'position', 'title', 'purpose', 'scrutiny_type', 'lead_officers', 'exempt', 'exempt_paragraph', 'minutes_text', 'resolutions', 'incomplete', 'created_at', 'updated_at', 'version'),
    'attendance': ('id', 'meeting_id', 'member_id', 'name', 'kind', 'substitute_for', 'role', 'position', 'created_at', 'updated_at', 'version'),
    'work_programme_items': ('id', 'committee_id', 'title', 'format', 'scrutiny_type', 'origin', 'lead_officers', 'current_position', 'meeting_id', 'target_text', 'target_date', 'status', 'sort_order', 'status_word', 'rag', 'extra', 'created_at', 'updated_at', 'version'),
    'actions': ('id', 'committee_id', 'ref', 'meeting_id', 'agenda_item_id', 'item_title', 'text', 'owner', 'directorate', 'progress', 'due_date', 'due_text', 'status', 'completed_on', 'reported_complete_meeting_id', 'reported_complete_on', 'raised_on', 'updated_on', 'position', 'status_word', 'rag', 'extra', 'created_at', 'updated_at', 'version'),
    'attachments': ('id', 'agenda_item_id', 'path', 'title', 'position', 'content', 'sha256', 'size_bytes', 'page_count', 'text_content', 'created_at', 'updated_at', 'version'),
    'recommendations': ('id', 'committee_id', 'meeting_id', 'agenda_item_id', 'item_title', 'label', 'text', 'addressee', 'sent_on', 'response', 'response_on', 'verdict', 'response_due_override', 'status', 'position', 'updated_on', 'procedural', 'status_word', 'rag', 'extra', 'verdict_word', 'created_at', 'updated_at', 'version'),
    'work_item_moves': ('id', 'item_id', 'moved_on', 'from_date', 'to_date', 'reason', 'author'),
    'progress_updates': ('id', 'action_id', 'recommendation_id', 'on', 'text', 'author', 'created_at'),
}

# the columns SQLAlchemy converts on the way in: date, datetime, time, bool
CONVERTED: dict[str, dict[str, str]] = {
    'audit_log': {'at': 'datetime'},
    'committees': {'created_at': 'datetime', 'updated_at': 'datetime'},
    'contacts': {'created_at': 'datetime', 'updated_at': 'datetime'},
    'database_identity': {},
    'members': {'created_at': 'datetime', 'updated_at': 'datetime'},
    'meetings': {'date': 'date', 'start_time': 'time', 'publication_deadline_override': 'date', 'questions_deadline_override': 'date', 'minutes_approved_on': 'date', 'created_at': 'datetime', 'updated_at': 'datetime'},
    'memberships': {'voting': 'bool', 'created_at': 'datetime', 'updated_at': 'datetime'},
    'agenda_items': {'exempt': 'bool', 'incomplete': 'bool', 'created_at': 'datetime', 'updated_at': 'datetime'},
    'attendance': {'created_at': 'datetime', 'updated_at': 'datetime'},
    'work_programme_items': {'target_date': 'date', 'created_at': 'datetime', 'updated_at': 'datetime'},
    'actions': {'due_date': 'date', 'completed_on': 'date', 'reported_complete_on': 'date', 'raised_on': 'date', 'updated_on': 'date', 'created_at': 'datetime', 'updated_at': 'datetime'},
    'attachments': {'created_at': 'datetime', 'updated_at': 'datetime'},
    'recommendations': {'sent_on': 'date', 'response_on': 'date', 'response_due_override': 'date', 'updated_on': 'date', 'procedural': 'bool', 'created_at': 'datetime', 'updated_at': 'datetime'},
    'work_item_moves': {'moved_on': 'date', 'from_date': 'date', 'to_date': 'date'},
    'progress_updates': {'on': 'date', 'created_at': 'datetime'},
}

# the Python-side defaults the ORM fills in (NOW: the time of the insert)
DEFAULTS: dict[str, dict[str, object]] = {
    'audit_log': {'field': ''},
    'committees': {'short_name': '', 'council': '', 'contact': '', 'print_options': '', 'created_at': 'NOW', 'updated_at': 'NOW', 'version': 1},
    'contacts': {'email': '', 'job_title': '', 'directorate': '', 'created_at': 'NOW', 'updated_at': 'NOW', 'version': 1},
    'database_identity': {},
    'members': {'title': '', 'created_at': 'NOW', 'updated_at': 'NOW', 'version': 1},
    'meetings': {'venue': '', 'kind': 'mainstream', 'status': 'scheduled', 'notes': '', 'created_at': 'NOW', 'updated_at': 'NOW', 'version': 1},
    'memberships': {'role': 'councillor', 'voting': True, 'position': 0, 'created_at': 'NOW', 'updated_at': 'NOW', 'version': 1},
    'agenda_items': {'position': 0, 'purpose': '', 'scrutiny_type': '', 'lead_officers': '', 'exempt': False, 'exempt_paragraph': '', 'minutes_text': '', 'resolutions': '', 'incomplete': False, 'created_at': 'NOW', 'updated_at': 'NOW', 'version': 1},
    'attendance': {'name': '', 'kind': 'present', 'substitute_for': '', 'role': '', 'position': 0, 'created_at': 'NOW', 'updated_at': 'NOW', 'version': 1},
    'work_programme_items': {'format': 'agenda_item', 'scrutiny_type': '', 'origin': '', 'lead_officers': '', 'current_position': '', 'target_text': '', 'status': 'proposed', 'sort_order': 0, 'status_word': '', 'rag': '', 'extra': '', 'created_at': 'NOW', 'updated_at': 'NOW', 'version': 1},
    'actions': {'ref': '', 'item_title': '', 'owner': '', 'directorate': '', 'progress': '', 'due_text': '', 'status': 'open', 'position': 0, 'status_word': '', 'rag': '', 'extra': '', 'created_at': 'NOW', 'updated_at': 'NOW', 'version': 1},
    'attachments': {'title': '', 'position': 0, 'sha256': '', 'size_bytes': 0, 'page_count': 0, 'text_content': '', 'created_at': 'NOW', 'updated_at': 'NOW', 'version': 1},
    'recommendations': {'item_title': '', 'label': '', 'addressee': 'Executive', 'response': '', 'verdict': 'awaiting', 'status': 'open', 'position': 0, 'procedural': False, 'status_word': '', 'rag': '', 'extra': '', 'verdict_word': '', 'created_at': 'NOW', 'updated_at': 'NOW', 'version': 1},
    'work_item_moves': {'reason': '', 'author': ''},
    'progress_updates': {'author': '', 'created_at': 'NOW'},
}

# the columns stored as a domain.enums vocabulary (models.StoredEnum): checked on the way in
ENUMS: dict[str, dict[str, str]] = {
    'audit_log': {},
    'committees': {},
    'contacts': {},
    'database_identity': {},
    'members': {},
    'meetings': {'kind': 'MeetingKind', 'status': 'MeetingStatus'},
    'memberships': {'role': 'MemberRole'},
    'agenda_items': {},
    'attendance': {'kind': 'AttendanceKind'},
    'work_programme_items': {'format': 'WorkFormat', 'status': 'WorkStatus'},
    'actions': {'status': 'ActionStatus'},
    'attachments': {},
    'recommendations': {'verdict': 'Verdict', 'status': 'ImplementationStatus'},
    'work_item_moves': {},
    'progress_updates': {},
}

# the length of each VARCHAR column
LENGTHS: dict[str, dict[str, int]] = {
    'audit_log': {'who': 200, 'table_name': 60, 'operation': 10, 'field': 60},
    'committees': {'name': 200, 'short_name': 50, 'council': 200},
    'contacts': {'name': 200, 'email': 320, 'job_title': 200, 'directorate': 200},
    'database_identity': {'token': 36},
    'members': {'name': 200, 'title': 50},
    'meetings': {'venue': 300},
    'memberships': {},
    'agenda_items': {'number': 20, 'scrutiny_type': 200, 'exempt_paragraph': 20},
    'attendance': {'name': 200, 'substitute_for': 200},
    'work_programme_items': {'scrutiny_type': 200, 'target_text': 100, 'rag': 10},
    'actions': {'ref': 50, 'owner': 200, 'directorate': 200, 'due_text': 100, 'rag': 10},
    'attachments': {'sha256': 64},
    'recommendations': {'label': 20, 'addressee': 200, 'rag': 10},
    'work_item_moves': {'author': 200},
    'progress_updates': {'author': 200},
}

# db/search_index.py: the search index takes in the rows its triggers noted
SEARCH_TABLE = 'search_index'
SEARCH_APPLY: tuple[str, ...] = (
    'DELETE FROM search_index WHERE rowid IN (SELECT row_key FROM search_index_queue)',
    "INSERT INTO search_index (rowid, committee_id, title, body) SELECT r.id * 8 + 1, r.committee_id, coalesce(r.text, ''), coalesce(r.progress, '') || '\n' || coalesce(r.owner, '') || '\n' || coalesce(r.directorate, '') || '\n' || coalesce(r.item_title, '') || '\n' || coalesce(r.ref, '') FROM actions AS r WHERE r.id IN (SELECT row_key / 8 FROM search_index_queue WHERE row_key % 8 = 1)",
    "INSERT INTO search_index (rowid, committee_id, title, body) SELECT r.id * 8 + 2, r.committee_id, coalesce(r.text, ''), coalesce(r.response, '') || '\n' || coalesce(r.item_title, '') || '\n' || coalesce(r.addressee, '') || '\n' || coalesce(r.label, '') FROM recommendations AS r WHERE r.id IN (SELECT row_key / 8 FROM search_index_queue WHERE row_key % 8 = 2)",
    "INSERT INTO search_index (rowid, committee_id, title, body) SELECT r.id * 8 + 3, r.committee_id, coalesce(r.title, ''), coalesce(r.current_position, '') || '\n' || coalesce(r.origin, '') || '\n' || coalesce(r.lead_officers, '') || '\n' || coalesce(r.scrutiny_type, '') FROM work_programme_items AS r WHERE r.id IN (SELECT row_key / 8 FROM search_index_queue WHERE row_key % 8 = 3)",
    "INSERT INTO search_index (rowid, committee_id, title, body) SELECT r.id * 8 + 4, (SELECT m.committee_id FROM meetings AS m WHERE m.id = r.meeting_id), coalesce(r.title, ''), coalesce(r.purpose, '') || '\n' || coalesce(r.lead_officers, '') FROM agenda_items AS r WHERE r.id IN (SELECT row_key / 8 FROM search_index_queue WHERE row_key % 8 = 4)",
    "INSERT INTO search_index (rowid, committee_id, title, body) SELECT r.id * 8 + 5, (SELECT m.committee_id FROM meetings AS m WHERE m.id = r.meeting_id), coalesce(r.title, ''), coalesce(r.minutes_text, '') || '\n' || coalesce(r.resolutions, '') FROM agenda_items AS r WHERE r.id IN (SELECT row_key / 8 FROM search_index_queue WHERE row_key % 8 = 5) AND (r.minutes_text <> '' OR r.resolutions <> '')",
    "INSERT INTO search_index (rowid, committee_id, title, body) SELECT r.id * 8 + 6, (SELECT m.committee_id FROM agenda_items AS i JOIN meetings AS m ON m.id = i.meeting_id WHERE i.id = r.agenda_item_id), coalesce(r.title, ''), coalesce(r.text_content, '') FROM attachments AS r WHERE r.id IN (SELECT row_key / 8 FROM search_index_queue WHERE row_key % 8 = 6)",
    'DELETE FROM search_index_queue',
)
