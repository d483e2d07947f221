"""``POST /board/graphql``: the board's tasks over GraphQL (graphql-core), for a dashboard.

The same data and rules as the REST routes: the caller is the bearer token's user (a 401
problem without one), sees only their team's tasks, and adds tasks through the same
validation. Mistakes in a query and refusals (a task of another team, a blank title) are
GraphQL ``errors`` in a 200 answer, each with its path, as GraphQL clients expect.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from graphql import GraphQLError, GraphQLSchema, build_schema, graphql_sync
from starlette.requests import Request
from starlette.responses import JSONResponse

from app.board.auth import authenticate
from app.board.database import BoardDatabase
from app.board.models import STATUSES, Status, Task, User
from app.board.problems import ProblemError, bad_request
from app.board.validation import parse_new_task, read_json_object

__all__ = ["SDL", "graphql"]

SDL = """
type Task {
  id: Int!
  title: String!
  description: String
  status: String!
  assignee: String
  dueDate: String
  createdBy: String!
  version: Int!
}

"How many of the team's tasks are in each status."
type Summary {
  total: Int!
  todo: Int!
  doing: Int!
  done: Int!
}

type Member {
  name: String!
  team: String!
}

type Query {
  me: Member!
  task(id: Int!): Task
  tasks(status: String): [Task!]!
  summary: Summary!
}

type Mutation {
  addTask(title: String!, assignee: String, dueDate: String): Task!
}
"""

# The most tasks a dashboard query reads at once (the REST list pages through them).
_ALL = 10_000


async def graphql(request: Request) -> JSONResponse:
    """Run the query of a GraphQL-over-HTTP POST (``{"query", "variables"}``) for the caller."""
    database: BoardDatabase = request.app.state.database
    user = authenticate(request, database)
    body = await read_json_object(request)
    query = body.get("query")
    variables = body.get("variables")
    if not isinstance(query, str):
        raise bad_request('The body needs "query": the GraphQL query or mutation, as a string.')
    if variables is not None and not isinstance(variables, dict):
        raise bad_request('"variables" must be a JSON object: one member per query variable.')
    result = graphql_sync(
        _schema(),
        query,
        root_value=_Root(database, user),
        variable_values=variables,
        operation_name=body.get("operationName"),
    )
    return JSONResponse(result.formatted)


@functools.cache
def _schema() -> GraphQLSchema:
    return build_schema(SDL)


class _Root:
    """The fields of Query and Mutation, for one caller (graphql-core calls them by name)."""

    def __init__(self, database: BoardDatabase, user: User) -> None:
        self._database = database
        self._user = user

    def me(self, info: Any) -> Mapping[str, str]:
        return {"name": self._user.name, "team": self._user.team}

    def task(self, info: Any, id: int) -> Mapping[str, Any]:
        task = self._database.get_task(id)
        if task is None or task.team_id != self._user.team_id:
            # Another team's task is not found either: its existence is no business of ours.
            raise GraphQLError(f"There is no task {id} on your team's board.")
        return _task(task)

    def tasks(self, info: Any, status: str | None = None) -> list[Mapping[str, Any]]:
        known = {name: name for name in STATUSES}
        if status is not None and status not in known:
            raise GraphQLError(f"status must be one of {', '.join(STATUSES)}, got {status!r}.")
        return [_task(task) for task in self._all(known[status] if status else None)]

    def summary(self, info: Any) -> Mapping[str, int]:
        tasks = self._all(None)
        counts: dict[str, int] = {"total": len(tasks)}
        for status in STATUSES:
            counts[status] = sum(task.status == status for task in tasks)
        return counts

    def addTask(
        self,
        info: Any,
        title: str,
        assignee: str | None = None,
        dueDate: str | None = None,
    ) -> Mapping[str, Any]:
        fields = {"title": title, "assignee": assignee, "due_date": dueDate}
        try:
            new = parse_new_task(
                {name: value for name, value in fields.items() if value is not None},
                self._assignee_check,
            )
        except ProblemError as problem:
            raise GraphQLError(_problem_words(problem)) from None
        assignee_user = (
            self._database.team_member(self._user.team_id, new.assignee) if new.assignee else None
        )
        task = self._database.create_task(
            team_id=self._user.team_id,
            created_by_id=self._user.id,
            title=new.title,
            description=new.description,
            status=new.status,
            assignee_id=assignee_user.id if assignee_user else None,
            due_date=new.due_date,
        )
        return _task(task)

    def _all(self, status: Status | None) -> list[Task]:
        tasks, _ = self._database.list_tasks(
            team_id=self._user.team_id,
            status=status,
            assignee=None,
            limit=_ALL,
            offset=0,
        )
        return tasks

    def _assignee_check(self, name: str) -> str | None:
        if self._database.team_member(self._user.team_id, name) is not None:
            return None
        return f"assignee {name!r} is not a member of team {self._user.team}."


def _task(task: Task) -> Mapping[str, Any]:
    return {
        "id": task.id,
        "title": task.title,
        "description": task.description,
        "status": task.status,
        "assignee": task.assignee,
        "dueDate": task.due_date,
        "createdBy": task.created_by,
        "version": task.version,
    }


def _problem_words(problem: ProblemError) -> str:
    # A validation problem lists its field errors as extensions; the detail sums them up.
    errors = problem.extensions.get("errors")
    if isinstance(errors, list) and errors:
        return "; ".join(str(error["message"]) for error in errors)
    return problem.detail
