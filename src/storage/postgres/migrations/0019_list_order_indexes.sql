-- The case list in deadline order on a large database (bench/RESULTS.md, 1,000,000 complaints).
-- The list sorts `due_on ASC NULLS LAST, reference` (descending: `DESC NULLS FIRST`), so cases
-- with no deadline belong in the order too; indexes that leave them out (`WHERE due_on IS NOT
-- NULL`, from 0001) cannot give that order, and every list by deadline sorted the whole table.
-- A B-tree's ascending order puts NULLs last, which is the list's order read forwards and its
-- descending order read backwards.
DROP INDEX IF EXISTS complaints_due;
DROP INDEX IF EXISTS complaints_status_due;
CREATE INDEX complaints_due ON complaints (due_on, reference);
CREATE INDEX complaints_status_due ON complaints (status, due_on, reference);
