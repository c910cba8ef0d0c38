"""数据同步: enrolment, packages to and from the street office, history and conflicts."""
