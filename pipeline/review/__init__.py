"""The admins' review page: a small FastAPI app over the store, with login, CSRF, file serving
confined to the evidence root, and an audit trail of decisions.

May import: everything in pipeline/ below it (model, rules, judge, store, outputs).
"""
