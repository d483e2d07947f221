Feature: Deliberately failing authenticated requests
  As a tester who shares reports
  I want credentials kept out of every failure message
  So that a failing run never leaks a token or a password

  Scenario: A failing assertion after a bearer-authenticated request
    Given I am authenticated with the bearer token "${secret_token}"
    When I send a GET request to "/auth/bearer"
    Then the response status should be 200

  Scenario: A failing assertion after a basic-authenticated request
    Given I am authenticated as "ada" with password "${secret_password}"
    When I send a GET request to "/auth/basic"
    Then the response status should be 200

  Scenario: A request with basic auth that gets no response
    Given I am authenticated as "ada" with password "${secret_password}"
    And requests time out after 100 ms
    When I send a GET request to "/slow?ms=600"
