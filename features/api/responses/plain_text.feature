Feature: Plain-text responses
  As a client developer
  I want greetings as plain text with a predictable wording
  So that I can show them to people exactly as they come

  Scenario: The greeting names the person and counts the new messages
    When I send a GET request to "/samples/greeting?name=Ada"
    Then the response header "Content-Type" should contain "text/plain"
    And the response body should be:
      """
      Hello, Ada!
      You have 3 new messages.
      """

  Scenario: The greeting can be checked piece by piece
    When I send a GET request to "/samples/greeting?name=Ada"
    Then the response body should contain "Hello, Ada!"
    And the response body should contain:
      """
      3 new messages
      """
    And the response body should match "Hello, \w+!\nYou have \d+ new messages\."

  Scenario: Without a name the greeting is for the world
    When I send a GET request to "/samples/greeting"
    Then the response status should be 200
    And the response body should match:
      """
      Hello, world!.*messages\.
      """

  Scenario: A ping answers pong
    When I send a GET request to "/samples/ping"
    Then the response status should be 200
    And the response body should be "pong"
