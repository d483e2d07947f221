Feature: Health check
  As an operator of the service
  I want a health endpoint that answers quickly
  So that load balancers and monitors know the service is up

  Scenario: The service reports that it is healthy
    When I send a GET request to "/health"
    Then the response status should be 200
    And the JSON value at "$.message" should be "OK"
    And the response header "content-type" should be "application/json"
