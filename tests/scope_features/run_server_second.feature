@fixture.server.per_run
Feature: The second feature on the run's server
  As a tester
  I want features tagged for the run's server to share it
  So that expensive state is built once per run

  Scenario: The count carries over from the other feature
    When I send a POST request to "/api/visits"
    Then the JSON value at "$.visits" should be 2
