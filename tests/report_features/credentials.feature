Feature: Credentials in reports
  As a team that shares its test reports
  I want tokens, passwords and cookies kept out of them
  So that a report can be passed around without leaking secrets

  Scenario: A logged-in user's requests
    Given I am authenticated with the bearer token "${token}"
    And the cookie "session" is "${cookie}"
    When I send a GET request to "/board/me"
    Then the response status should be 200

  Scenario: Registering hands out a token
    When I send a POST request to "/board/users" with JSON:
      """
      {"name": "Eve", "team": "Zeus"}
      """
    Then the response status should be 201

  Scenario: A failing step shows its exchange
    Given I am authenticated with the bearer token "${token}"
    And the cookie "session" is "${cookie}"
    When I send a GET request to "/board/me"
    Then the response status should be 418
