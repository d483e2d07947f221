Feature: Deliberately wrong variables and arithmetic
  As a feature writer
  I want a wrong variable value, a misspelt name or bad arithmetic reported clearly
  So that a computed value never goes on silently wrong

  Scenario: Variable has another value
    Given the variable "quota" is 10
    When I compute "remaining" as "${quota} - 3"
    Then the variable "remaining" should be 8

  Scenario: Arithmetic on a text
    Given the variable "used" is "3"
    When I compute "remaining" as "10 - ${used}"

  Scenario: Code instead of arithmetic
    When I compute "remaining" as "__import__('os').getcwd()"

  Scenario: Misspelt variable
    Given the variable "task_id" is 7
    When I send a GET request to "/inspect/tasks/${tsak_id}"
