Feature: A deliberately misspelt step
  As a feature writer
  I want a misspelt step answered with the steps I probably meant
  So that I fix the spelling instead of implementing a step that exists

  Scenario: Misspelt comparison
    When I send a GET request to "/samples/catalog"
    Then the JSON value at "$.count" shuold be at least 2
