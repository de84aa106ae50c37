"""The admins' review page: a small FastAPI app over the store, with login, CSRF, file serving
confined to the evidence root, and an audit trail of decisions.

    app.py     create_app (request guard, error pages, routes wired around one Site) and serve
    routes.py  the route handlers: login, logout, the review page, decisions, evidence files
    pages.py   the Site (settings, database access, sessions) and page rendering (templates/)
    data.py    gaps, decisions and filters: pure or one DuckDB connection, no web
    auth.py    password hashes, the admin account, sessions and CSRF tokens, loopback
    files.py   serving one evidence file: no traversal, no symlinks, safe content types
    previews.py  a page of a PDF or an image as a bounded thumbnail, snippet boxed, cached by content hash

May import: everything in pipeline/ below it (model, rules, judge, store, outputs).
"""
