"""PostgreSQL for the test run: a transactional test's closing flush deletes the rows.

Django's flush is one TRUNCATE of every table. On a test database, whose tables hold a
few rows, that is the slow way: TRUNCATE gives every table, index and sequence a new file
(about ninety tables here), and the flush after each transactional test was close to a
fifth of the PostgreSQL run. DELETE of every table, with the foreign keys checked at the
commit (Django makes them deferrable), leaves the same empty tables. The audit log refuses
DELETE and TRUNCATE, as it must in production; the test database's owner switches those
triggers off around the flush, in the flush's transaction. With ``reset_sequences``
(which DELETE cannot do) the flush stays Django's TRUNCATE.
"""

from typing import Any

from django.db.backends.postgresql import base, operations

AUDIT_TABLE = "cases_auditevent"
AUDIT_TRIGGERS = ("cases_auditevent_append_only", "cases_auditevent_no_truncate")


class DatabaseOperations(operations.DatabaseOperations):
    def sql_flush(
        self,
        style: Any,
        tables: list[str],
        *,
        reset_sequences: bool = False,
        allow_cascade: bool = False,
    ) -> list[str]:
        if not tables:
            return []
        if reset_sequences:
            sql = super().sql_flush(
                style, tables, reset_sequences=True, allow_cascade=allow_cascade
            )
        else:
            sql = [
                "SET CONSTRAINTS ALL DEFERRED",
                # Table names from Django's own introspection, quoted.
                *(f"DELETE FROM {self.quote_name(table)}" for table in tables),  # noqa: S608
            ]
        if AUDIT_TABLE not in tables:
            return sql
        return [
            *(f"ALTER TABLE {AUDIT_TABLE} DISABLE TRIGGER {name}" for name in AUDIT_TRIGGERS),
            *sql,
            *(f"ALTER TABLE {AUDIT_TABLE} ENABLE TRIGGER {name}" for name in AUDIT_TRIGGERS),
        ]


class DatabaseWrapper(base.DatabaseWrapper):
    ops_class = DatabaseOperations
