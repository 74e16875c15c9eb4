import sys
sys.path.insert(0, ".")
from tests.pg_server import PgServer
from sqlalchemy import text
srv = PgServer().start()
try:
    url = srv.new_database()
    from desktop_app.db.schema import open_database
    db = open_database(url)
    from desktop_app.services.demo import load_demo
    load_demo(db)
    from desktop_app.services.backups import check_database
    print("check:", check_database(db))
    from desktop_app.services.search import search
    r = search(db, "safeguarding school")
    for h in r.hits(): print(h.kind, h.title.bracketed()[:80], "|", h.snippet.bracketed()[:100])
    with db.engine.connect() as c:
        c.exec_driver_sql("SET enable_seqscan = off")
        from desktop_app.db import search_index as ix
        s = ix.BY_KIND["minutes"]
        print("\n".join(r[0] for r in c.execute(text(f"EXPLAIN SELECT id FROM agenda_items AS r, (SELECT websearch_to_tsquery('english', 'school')) AS tq(q) WHERE {s.tsvector_sql('r')} @@ q AND {s.when_sql('r')}"))))
        print(c.exec_driver_sql("select indexname, indexdef from pg_indexes where indexname like 'ix_search%%' limit 2").all())
    db.dispose()
finally:
    srv.stop()
