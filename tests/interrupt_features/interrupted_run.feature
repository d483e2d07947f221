Feature: A run interrupted by a signal ends cleanly
  As a CI pipeline that cancels a job
  I want an interrupted run to stop its servers and write its reports
  So that a cancelled job leaves nothing behind and says it was interrupted

  Scenario: A request that holds until the run is interrupted
    When I send a GET request to "/hold"
    Then the response status should be 204

  Scenario: A scenario that never starts
    When I send a GET request to "/health"
    Then the response status should be 200
