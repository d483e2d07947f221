# Every scenario fails on purpose: tests/test_graphql_steps.py checks each message.
@fixture.server.per_scenario
Feature: GraphQL answers that fail their scenarios
  As a dashboard developer
  I want a GraphQL answer with errors to fail the scenario, each error listed
  So that a 200 with errors inside never passes for a success

  Background:
    Given I send a POST request to "/board/users" with JSON:
      """
      {"name": "Ada", "team": "Engines"}
      """
    And I save the JSON value at "$.token" as "token"
    And I am authenticated with the bearer token "${token}"

  Scenario: A query for a task that does not exist
    When I send the GraphQL query to "/board/graphql":
      """
      { task(id: 999) { title } }
      """
    Then the JSON value at "$.data.task.title" should be "Oil the gears"

  Scenario: A query for a field the schema does not have
    When I send the GraphQL query to "/board/graphql":
      """
      { summary { total colour } }
      """

  Scenario: An error other than the one expected
    When I send the GraphQL query to "/board/graphql":
      """
      { task(id: 999) { title } }
      """
    Then the GraphQL errors should include "not allowed"

  Scenario: An error expected that does not come
    When I send the GraphQL query to "/board/graphql":
      """
      { summary { total } }
      """
    Then the GraphQL errors should include "not allowed"

  Scenario: A query without a doc-string
    When I send the GraphQL query to "/board/graphql":

  Scenario: Variables that are not an object
    Given the GraphQL variables are:
      """
      [1, 2]
      """
