// An independent client: loads the .proto files at run time with grpc-js and
// calls the health service and GetScores. Prints one JSON object.
// Usage: node client.js HOST:PORT PROTO_ROOT HEALTH_PROTO_ROOT
'use strict';
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const [address, protoRoot, healthRoot] = process.argv.slice(2);
const options = {keepCase: true, longs: Number, enums: String, defaults: true,
                 oneofs: true, includeDirs: [protoRoot, healthRoot]};
const defs = protoLoader.loadSync(
    ['cxscore/v1/cxscore.proto', 'grpc/health/v1/health.proto'], options);
const loaded = grpc.loadPackageDefinition(defs);
const credentials = grpc.credentials.createInsecure();
const deadline = () => new Date(Date.now() + 10000);

const health = new loaded.grpc.health.v1.Health(address, credentials);
const cxscore = new loaded.cxscore.v1.CxScore(address, credentials);

health.Check({service: ''}, {deadline: deadline()}, (err, reply) => {
  if (err) throw err;
  cxscore.GetScores({group_by: ['DIMENSION_CHANNEL']}, {deadline: deadline()},
                    (err2, scores) => {
    if (err2) throw err2;
    console.log(JSON.stringify({health: reply.status, scores}));
    process.exit(0);
  });
});
