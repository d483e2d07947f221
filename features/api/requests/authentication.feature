Feature: Authenticated requests
  As a tester of an API that needs credentials
  I want to authenticate the requests of a scenario with a bearer token or basic auth
  So that I can specify what signed-in and anonymous callers get

  Scenario: A bearer token from the login response authenticates the next requests
    Given I send a POST request to "/auth/token" with JSON:
      """
      {"username": "ada", "password": "analytical-engine"}
      """
    And I save the JSON value at "$.token" as "token"
    And I am authenticated with the bearer token "${token}"
    When I send a GET request to "/auth/bearer"
    Then the JSON value at "$.authenticated" should be true

  Scenario: An unknown bearer token is refused
    Given I am authenticated with the bearer token "not-a-real-token"
    When I send a GET request to "/auth/bearer"
    Then the response status should be 401
    And the JSON value at "$.credentials_present" should be true

  Scenario: Basic auth with the right password is accepted
    Given I am authenticated as "ada" with password "analytical-engine"
    When I send a GET request to "/auth/basic"
    Then the response status should be 200
    And the JSON value at "$.username" should be "ada"

  Scenario: Basic auth with a wrong password is refused
    Given I am authenticated as "ada" with password "difference-engine"
    When I send a GET request to "/auth/basic"
    Then the response status should be 401
    And the JSON value at "$.authenticated" should be false

  Scenario: A bearer token is sent as an Authorization header
    Given I am authenticated with the bearer token "any-token"
    When I send a GET request to "/inspect"
    Then the JSON value at "$.headers.authorization" should be "Bearer <hidden>"
