@fixture.server.per_feature
Feature: The scenarios of a feature can share one server
  As a tester
  I want to tag a feature so that its scenarios share one server
  So that I can specify state that deliberately carries over

  Scenario: The first visit is counted
    When I send a POST request to "/api/visits"
    Then the JSON value at "$.visits" should be 1

  Scenario: The count carries over to the next scenario
    When I send a POST request to "/api/visits"
    Then the JSON value at "$.visits" should be 2

  @fixture.server.per_scenario
  Scenario: A scenario tagged for a fresh server starts from zero
    When I send a POST request to "/api/visits"
    Then the JSON value at "$.visits" should be 1
