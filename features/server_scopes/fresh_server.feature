Feature: Every scenario gets a fresh server
  As a tester
  I want each scenario to start from a fresh server
  So that no scenario depends on what another one left behind

  Scenario: The first scenario sees an untouched server
    When I send a POST request to "/api/visits"
    Then the JSON value at "$.visits" should be 1

  Scenario: The next scenario sees an untouched server too
    When I send a POST request to "/api/visits"
    Then the JSON value at "$.visits" should be 1
