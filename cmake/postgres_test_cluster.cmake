# The throwaway PostgreSQL cluster of the tests (scripts/pg-cluster), as a ctest fixture: a test
# that needs PostgreSQL sets FIXTURES_REQUIRED postgres and reads REDRESS_TEST_POSTGRES_URL from
# its environment (redress_postgres_test_environment). ctest starts the cluster before the first
# such test and stops it, removing its directory, after the last; a run that selects none of them
# starts nothing. The cluster listens on a unix socket inside the build tree only, so build trees
# running their tests at the same time never share or collide.

set(REDRESS_TEST_POSTGRES_DIR ${PROJECT_BINARY_DIR}/pg-cluster)
set(REDRESS_TEST_POSTGRES_PORT 54329)
set(REDRESS_TEST_POSTGRES_URL
    "postgresql://redress@/redress_test?host=${REDRESS_TEST_POSTGRES_DIR}/socket&port=${REDRESS_TEST_POSTGRES_PORT}")

add_test(NAME postgres_cluster_start
         COMMAND ${PROJECT_SOURCE_DIR}/scripts/pg-cluster start ${REDRESS_TEST_POSTGRES_DIR}
                 ${REDRESS_TEST_POSTGRES_PORT})
add_test(NAME postgres_cluster_stop
         COMMAND ${PROJECT_SOURCE_DIR}/scripts/pg-cluster stop ${REDRESS_TEST_POSTGRES_DIR}
                 ${REDRESS_TEST_POSTGRES_PORT})
set_tests_properties(postgres_cluster_start PROPERTIES FIXTURES_SETUP postgres TIMEOUT 120)
set_tests_properties(postgres_cluster_stop PROPERTIES FIXTURES_CLEANUP postgres TIMEOUT 120)

# The environment entry to give a test that uses the cluster (a ctest ENVIRONMENT list item).
set(REDRESS_TEST_POSTGRES_ENVIRONMENT "REDRESS_TEST_POSTGRES_URL=${REDRESS_TEST_POSTGRES_URL}")
