Feature: Waiting for a job to be ready
  As a client developer
  I want to poll a job until it is ready, within a bounded number of attempts
  So that scenarios about slow work stay reliable without fixed sleeps

  Scenario: A job becomes ready after a few polls
    Given I send a GET request to "/samples/eventually-ready?after=3&key=polled-json"
    When I repeat the request until the JSON value at "$.state" is "ready", at most 5 times every 10 ms
    Then the response status should be 200
    And the JSON value at "$.calls" should be 3

  Scenario: A job can be polled until it answers 200
    Given I send a GET request to "/samples/eventually-ready?after=2&key=report"
    When I repeat the request until the response status is 200, at most 3 times every 10 ms
    Then the JSON value at "$.state" should be "ready"
    And the JSON value at "$.calls" should be 2
