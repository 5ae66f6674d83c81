# The service modules of the stack: name, HTTP port. Sourced by up.sh and down.sh.
# A module that does not exist yet is skipped, so this list can run ahead of the code.
SERVICES=(
  "ingest-service 8081"
  "rating-service 8082"
  "invoicing-service 8083"
  "wallet-service 8084"
  "tax-service 8085"
  "payment-router 8086"
)
