Feature: An unhandled server exception fails the scenario
  As a tester
  I want a crash in the service to fail my scenario
  So that a 500 never slips through a suite that looks green

  Scenario: A crash fails the step that caused it
    When I send a GET request to "/board/crash"
    Then the response status should be 500

  @expect_server_error
  Scenario: A scenario that expects the crash still passes
    When I send a GET request to "/board/crash"
    Then the response status should be 500
