# Every scenario registers Ada, and a name is taken once per board: a fresh board each.
@fixture.server.per_scenario
Feature: The board over GraphQL
  As a dashboard developer
  I want to read and add a team's tasks with GraphQL queries and mutations
  So that one request fetches exactly the fields a dashboard shows

  Background:
    Given I send a POST request to "/board/users" with JSON:
      """
      {"name": "Ada", "team": "Engines"}
      """
    And I save the JSON value at "$.token" as "token"
    And I am authenticated with the bearer token "${token}"

  Scenario: A mutation adds a task, with its variables from a table
    Given the GraphQL variables:
      | name     | value                   |
      | title    | Write the release notes |
      | assignee | Ada                     |
    When I send the GraphQL mutation to "/board/graphql":
      """
      mutation ($title: String!, $assignee: String) {
        addTask(title: $title, assignee: $assignee) { id title status assignee createdBy }
      }
      """
    Then the response status should be 200
    And the JSON value at "$.data.addTask" should be:
      """
      {"id": "#number", "title": "Write the release notes", "status": "todo",
       "assignee": "Ada", "createdBy": "Ada"}
      """

  Scenario: A query reads one task, with its variables as JSON
    Given I send a POST request to "/board/tasks" with JSON:
      """
      {"title": "Oil the gears"}
      """
    And I save the JSON value at "$.id" as "task_id"
    And the GraphQL variables are:
      """
      {"id": ${task_id}}
      """
    When I send the GraphQL query to "/board/graphql":
      """
      query ($id: Int!) { task(id: $id) { title status version } }
      """
    Then the JSON value at "$.data.task" should be {"title": "Oil the gears", "status": "todo", "version": 1}

  Scenario: The summary counts the team's tasks by status
    Given I send a POST request to "/board/tasks" with JSON:
      """
      {"title": "Oil the gears", "status": "done"}
      """
    When I send the GraphQL query to "/board/graphql":
      """
      { summary { total todo doing done } }
      """
    Then the JSON value at "$.data.summary" should be {"total": 1, "todo": 0, "doing": 0, "done": 1}

  Scenario: A task that does not exist is a GraphQL error with its path
    When I send the GraphQL query to "/board/graphql":
      """
      { task(id: 999) { title } }
      """
    Then the GraphQL errors should include "There is no task 999 on your team's board."
    And the JSON value at "$.errors[0].path" should be ["task"]
    And the JSON value at "$.data.task" should be null

  Scenario: A blank title is refused with the board's own words
    Given the GraphQL variables:
      | name  | value |
      | title | "  "  |
    When I send the GraphQL mutation to "/board/graphql":
      """
      mutation ($title: String!) { addTask(title: $title) { id } }
      """
    Then the GraphQL errors should include "title must not be blank"
