Feature: A misspelt server tag
  As a feature writer
  I want a misspelt server tag reported
  So that my scenario does not silently run on the wrong server

  @fixture.server.per_step
  Scenario: Unknown scope tag
    When I send a GET request to "/health"
    Then the response status should be 200
