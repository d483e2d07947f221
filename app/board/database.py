"""The board's SQLite database: schema and queries, with the stdlib ``sqlite3``.

One :class:`BoardDatabase` (one connection) serves one app instance. Endpoints are async and
run on the server's event-loop thread, so calls are already serial there; the connection is
still opened with ``check_same_thread=False`` and guarded by a lock so that it stays correct
if it is ever used from another thread (a sync endpoint runs in a thread pool, for example).

Only this module writes SQL. Column names are never taken from requests: updates go through
the fixed :data:`UPDATABLE_COLUMNS`, and every value is a bound parameter.
"""

from __future__ import annotations

import functools
import sqlite3
import sys
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Final, cast

from app.board.models import Status, Task, User

__all__ = ["MEMORY", "SCHEMA_VERSION", "UPDATABLE_COLUMNS", "BoardDatabase", "NameTakenError"]

#: Stored in ``PRAGMA user_version``; a database file written by another schema is refused.
SCHEMA_VERSION: Final = 1

#: The name SQLite gives a database in memory (``BoardDatabase.path`` of such a database).
MEMORY: Final = ":memory:"

#: The task columns an update may set (``version`` and ``updated_at`` are set by the update).
UPDATABLE_COLUMNS: Final = frozenset({"title", "description", "status", "assignee_id", "due_date"})

# Names compare case-insensitively (COLLATE NOCASE, ASCII letters only) so "alice" cannot
# register next to "Alice", and "apollo" joins the team "Apollo" instead of founding a twin.
# AUTOINCREMENT: ids of deleted tasks are never reused, so an old link never shows a new task.
_SCHEMA = f"""
BEGIN;
CREATE TABLE IF NOT EXISTS teams (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
);
CREATE TABLE IF NOT EXISTS users (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    team_id INTEGER NOT NULL REFERENCES teams (id),
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS tasks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    team_id INTEGER NOT NULL REFERENCES teams (id),
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description TEXT CHECK (length(description) <= 2000),
    status TEXT NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'doing', 'done')),
    assignee_id INTEGER REFERENCES users (id),
    due_date TEXT,
    created_by_id INTEGER NOT NULL REFERENCES users (id),
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS tasks_by_team ON tasks (team_id, id);
PRAGMA user_version = {SCHEMA_VERSION};
COMMIT;
"""

_SELECT_TASKS = """
SELECT t.id, t.title, t.description, t.status, assignee.name AS assignee, t.due_date,
       t.team_id, team.name AS team, creator.name AS created_by, t.version,
       t.created_at, t.updated_at
FROM tasks AS t
JOIN teams AS team ON team.id = t.team_id
JOIN users AS creator ON creator.id = t.created_by_id
LEFT JOIN users AS assignee ON assignee.id = t.assignee_id
"""

_SELECT_USERS = """
SELECT u.id, u.name, u.team_id, team.name AS team
FROM users AS u JOIN teams AS team ON team.id = u.team_id
"""


class NameTakenError(Exception):
    """A user with this name (compared case-insensitively) is already registered."""


class BoardDatabase:
    """The board's data in one SQLite file, behind one lock-guarded connection."""

    def __init__(self, connection: sqlite3.Connection, path: str) -> None:
        self._connection = connection
        self._lock = threading.RLock()  # re-entrant: queries run inside transaction()
        self.path = path

    @classmethod
    def open(cls, path: str) -> BoardDatabase:
        """Open (creating if missing) the database at ``path`` and make sure its schema exists.

        Raises :class:`RuntimeError` naming the path when the file cannot be opened or was
        written by a different schema version.
        """
        try:
            connection = _connect(path)
        except sqlite3.Error as exc:
            raise RuntimeError(
                f"Cannot open the board database at {path!r}: {exc}. "
                "Check that its directory exists and is writable."
            ) from exc
        try:
            _configure(connection)
            _create_schema(connection, path)
        except sqlite3.Error as exc:  # such as "file is not a database"
            connection.close()
            raise RuntimeError(
                f"Cannot use {path!r} as the board database: {exc}. Point the board at a new "
                "file, or at one it created before."
            ) from exc
        except BaseException:
            connection.close()
            raise
        return cls(connection, path)

    @classmethod
    def in_memory(cls) -> BoardDatabase:
        """A new, empty database in memory, private to this object and gone when it closes.

        Nothing touches the disk: a copy of the empty database's image is loaded into the
        connection (20 us, against 0.25 ms for a temporary file and 0.2 ms for running the
        schema script - a test server starts one per scenario).
        """
        connection = _connect(MEMORY)
        try:
            if sys.version_info >= (3, 11):
                connection.deserialize(empty_database_image())
            _configure(connection)
            _create_schema(connection, MEMORY)  # Python 3.10: no image to load
        except BaseException:
            connection.close()
            raise
        return cls(connection, MEMORY)

    def close(self) -> None:
        """Close the connection; a file stays, a database in memory is gone."""
        with self._lock:
            self._connection.close()

    @contextmanager
    def transaction(self, *, write: bool = True) -> Iterator[None]:
        """Run the block atomically: all its writes are committed, or none if it raises.

        For writes, ``BEGIN IMMEDIATE`` takes the write lock up front, so a read-check-write
        sequence (such as the optimistic version check) cannot interleave with another
        writer, even one in another process using the same file. ``write=False`` only needs
        a consistent snapshot. Nested use joins the outer transaction.
        """
        with self._lock:
            if self._connection.in_transaction:
                yield
                return
            self._connection.execute("BEGIN IMMEDIATE" if write else "BEGIN DEFERRED")
            try:
                yield
            except BaseException:
                self._connection.execute("ROLLBACK")
                raise
            self._connection.execute("COMMIT")

    def ping(self) -> None:
        """Run a trivial query: raises if the database cannot be read."""
        with self._lock:
            self._connection.execute("SELECT 1").fetchone()

    # -- users ----------------------------------------------------------------------------

    def create_user(self, name: str, team: str, token_hash: str) -> User:
        """Register ``name`` in ``team`` (created on first use); raise if the name is taken."""
        with self.transaction():
            self._connection.execute("INSERT OR IGNORE INTO teams (name) VALUES (?)", (team,))
            try:
                cursor = self._connection.execute(
                    "INSERT INTO users (name, team_id, token_hash, created_at) "
                    "SELECT ?, id, ?, ? FROM teams WHERE name = ?",
                    (name, token_hash, _now(), team),
                )
            except sqlite3.IntegrityError as exc:
                # token_hash is unique too, but 256 random bits do not collide in practice.
                raise NameTakenError(name) from exc
            user = self._user_where("u.id = ?", cursor.lastrowid)
        assert user is not None  # just inserted, in this transaction
        return user

    def user_by_token_hash(self, token_hash: str) -> User | None:
        """Return the user whose token hashes to ``token_hash``, if any."""
        return self._user_where("u.token_hash = ?", token_hash)

    def team_member(self, team_id: int, name: str) -> User | None:
        """Return the user called ``name`` (any case) if they belong to team ``team_id``."""
        user = self._user_where("u.name = ?", name)
        return user if user is not None and user.team_id == team_id else None

    def _user_where(self, condition: str, value: object) -> User | None:
        with self._lock:
            row = self._connection.execute(
                f"{_SELECT_USERS} WHERE {condition}", (value,)
            ).fetchone()
        if row is None:
            return None
        return User(id=row["id"], name=row["name"], team_id=row["team_id"], team=row["team"])

    # -- tasks ----------------------------------------------------------------------------

    def create_task(
        self,
        *,
        team_id: int,
        created_by_id: int,
        title: str,
        description: str | None,
        status: Status,
        assignee_id: int | None,
        due_date: str | None,
    ) -> Task:
        """Insert a task at version 1 and return it as stored."""
        now = _now()
        with self.transaction():
            cursor = self._connection.execute(
                "INSERT INTO tasks (team_id, created_by_id, title, description, status, "
                "assignee_id, due_date, version, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
                (
                    team_id,
                    created_by_id,
                    title,
                    description,
                    status,
                    assignee_id,
                    due_date,
                    now,
                    now,
                ),
            )
            task = self.get_task(_row_id(cursor))
        assert task is not None  # just inserted, in this transaction
        return task

    def get_task(self, task_id: int) -> Task | None:
        """Return the task ``task_id``, whichever team it belongs to, or None."""
        with self._lock:
            row = self._connection.execute(f"{_SELECT_TASKS} WHERE t.id = ?", (task_id,)).fetchone()
        return None if row is None else _task_from_row(row)

    def list_tasks(
        self,
        *,
        team_id: int,
        status: Status | None,
        assignee: str | None,
        limit: int,
        offset: int,
    ) -> tuple[list[Task], int]:
        """Return one page of a team's tasks in id order, and how many match in total."""
        conditions = ["t.team_id = ?"]
        parameters: list[object] = [team_id]
        if status is not None:
            conditions.append("t.status = ?")
            parameters.append(status)
        if assignee is not None:
            conditions.append("assignee.name = ?")  # NOCASE, from the column's collation
            parameters.append(assignee)
        where = " AND ".join(conditions)
        # Both queries in one transaction, so the total always describes the same data.
        with self.transaction(write=False):
            total = self._connection.execute(
                "SELECT count(*) FROM tasks AS t "
                "LEFT JOIN users AS assignee ON assignee.id = t.assignee_id "
                f"WHERE {where}",
                parameters,
            ).fetchone()[0]
            rows = self._connection.execute(
                f"{_SELECT_TASKS} WHERE {where} ORDER BY t.id LIMIT ? OFFSET ?",
                [*parameters, limit, offset],
            ).fetchall()
        return [_task_from_row(row) for row in rows], int(total)

    def update_task(self, task_id: int, changes: Mapping[str, str | int | None]) -> Task:
        """Apply ``changes`` (column -> value), bump the version, and return the new task.

        With no changes the task is returned as it is: nothing changed, so neither does its
        version. Raises :class:`ValueError` for a column outside :data:`UPDATABLE_COLUMNS`
        and :class:`LookupError` when the task does not exist.
        """
        unknown = set(changes) - UPDATABLE_COLUMNS
        if unknown:
            raise ValueError(f"Cannot update task columns {sorted(unknown)}.")
        with self.transaction():
            if changes:
                assignments = ", ".join(f"{column} = ?" for column in changes)
                self._connection.execute(
                    f"UPDATE tasks SET {assignments}, version = version + 1, updated_at = ? "
                    "WHERE id = ?",
                    [*changes.values(), _now(), task_id],
                )
            task = self.get_task(task_id)
        if task is None:
            raise LookupError(f"There is no task {task_id}.")
        return task

    def delete_task(self, task_id: int) -> bool:
        """Delete the task ``task_id``; return whether there was one."""
        with self.transaction():
            cursor = self._connection.execute("DELETE FROM tasks WHERE id = ?", (task_id,))
        return cursor.rowcount > 0


_foreign_keys_checked = False


def _require_foreign_keys(connection: sqlite3.Connection) -> None:
    # A build without foreign keys ignores the pragma silently, so read it back - once per
    # process: the SQLite library does not change while the process runs.
    global _foreign_keys_checked  # noqa: PLW0603 - a one-time check, not shared state
    if not _foreign_keys_checked:
        if connection.execute("PRAGMA foreign_keys").fetchone()[0] != 1:
            raise RuntimeError("This SQLite build cannot enforce foreign keys.")
        _foreign_keys_checked = True


def _connect(path: str) -> sqlite3.Connection:
    # isolation_level=None: no implicit transactions; transaction() says BEGIN itself,
    # so what is atomic is visible in the code rather than left to the driver.
    return sqlite3.connect(path, check_same_thread=False, isolation_level=None)


def _configure(connection: sqlite3.Connection) -> None:
    connection.row_factory = sqlite3.Row
    # SQLite leaves foreign keys off by default, per connection.
    connection.execute("PRAGMA foreign_keys = ON")
    _require_foreign_keys(connection)


if sys.version_info >= (3, 11):

    @functools.cache
    def empty_database_image() -> bytes:
        """The bytes of a database holding the schema and no rows, built once per process."""
        connection = _connect(MEMORY)
        try:
            connection.executescript(_SCHEMA)
            return connection.serialize()
        finally:
            connection.close()


def _create_schema(connection: sqlite3.Connection, path: str) -> None:
    found = connection.execute("PRAGMA user_version").fetchone()[0]
    if found == SCHEMA_VERSION:
        return  # a copy of the empty image, or a file this board created before
    if found != 0:
        raise RuntimeError(
            f"The database at {path!r} has schema version {found}, but the board uses "
            f"version {SCHEMA_VERSION}. Point the board at a new file, or migrate this one."
        )
    connection.executescript(_SCHEMA)


def _task_from_row(row: sqlite3.Row) -> Task:
    return Task(
        id=row["id"],
        title=row["title"],
        description=row["description"],
        # The CHECK constraint admits only the three statuses.
        status=cast(Status, row["status"]),
        assignee=row["assignee"],
        due_date=row["due_date"],
        team_id=row["team_id"],
        team=row["team"],
        created_by=row["created_by"],
        version=row["version"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


def _row_id(cursor: sqlite3.Cursor) -> int:
    row_id = cursor.lastrowid
    assert row_id is not None  # set by every successful INSERT
    return row_id


def _now() -> str:
    """Return the current UTC time as ISO 8601 with milliseconds and a ``Z``."""
    stamp = datetime.now(timezone.utc).isoformat(timespec="milliseconds")
    return stamp.replace("+00:00", "Z")
