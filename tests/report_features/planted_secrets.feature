Feature: Planted secrets stay out of every output
  As a team that shares its console logs, test reports and CI results
  I want every secret the scenario knows hidden wherever it shows up
  So that a failure can be passed around without leaking credentials

  Scenario: Secrets echoed back under innocent keys
    Given I am authenticated with the bearer token "${token}"
    And the cookie "session" is "${cookie}"
    And the cookie "theme" is "dark-mode-shown"
    And the request headers are:
      | name                             | value         |
      | X-API-Key                        | ${api_key}    |
      | Access-Control-Allow-Credentials | true          |
    When I send a POST request to "/inspect?access_token=${token}&page=2" with JSON:
      """
      {"auth_header": "Bearer ${token}", "key_copy": "${api_key}", "team": "Apollo"}
      """
    Then the JSON value at "$.json.auth_header" should be "Bearer nope"

  Scenario: Basic credentials, their base64 form and an environment secret
    Given I am authenticated as "ada" with password "${env:SWEEP_PASSWORD}"
    When I send a POST request to "/inspect" with JSON:
      """
      {"seen": "${basic_echo}", "password_copy": "${env:SWEEP_PASSWORD}"}
      """
    Then the JSON value at "$.json.seen" should be "expected-value-shown"

  Scenario: A value marked secret, and one saved under a secret name
    Given the variable "invite" is secret
    And the variable "refresh_token" is "${refresh}"
    When I send a POST request to "/inspect" with JSON:
      """
      {"invite_code": "${invite}", "renewal": "${refresh_token}"}
      """
    Then the JSON value at "$.json" should be {"invite_code": "x", "renewal": "y"}
