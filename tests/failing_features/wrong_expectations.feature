Feature: Deliberately wrong expectations
  As the maintainers of the step library
  We want each assertion step to fail on a wrong expectation
  So that a passing suite means something

  Scenario: Wrong status
    When I send a GET request to "/health"
    Then the response status should be 201

  Scenario: Wrong JSON value
    When I send a GET request to "/health"
    Then the JSON value at "$.message" should be "NOT OK"

  Scenario: Missing JSON path
    When I send a GET request to "/health"
    Then the JSON value at "$.status" should be "OK"

  Scenario: Wrong header
    When I send a GET request to "/health"
    Then the response header "content-type" should be "text/plain"

  Scenario: Missing header
    When I send a GET request to "/health"
    Then the response header "x-request-id" should be "abc"
