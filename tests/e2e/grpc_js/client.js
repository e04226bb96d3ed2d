// An independent client: loads the .proto files at run time with grpc-js and
// calls the health service and GetScores. Prints one JSON object.
// Usage: node client.js HOST:PORT PROTO_ROOT HEALTH_PROTO_ROOT
// TLS when CXSCORE_TLS_CA names a PEM CA file (mTLS when CXSCORE_TLS_CERT and
// CXSCORE_TLS_KEY name the client's certificate and key); CXSCORE_TOKEN is
// sent as "authorization: Bearer <token>".
'use strict';
const fs = require('fs');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const [address, protoRoot, healthRoot] = process.argv.slice(2);
const options = {keepCase: true, longs: Number, enums: String, defaults: true,
                 oneofs: true, includeDirs: [protoRoot, healthRoot]};
const defs = protoLoader.loadSync(
    ['cxscore/v1/cxscore.proto', 'grpc/health/v1/health.proto'], options);
const loaded = grpc.loadPackageDefinition(defs);
const env = process.env;
const readIf = (name) => (env[name] ? fs.readFileSync(env[name]) : null);
const credentials = env.CXSCORE_TLS_CA
    ? grpc.credentials.createSsl(readIf('CXSCORE_TLS_CA'),
                                 readIf('CXSCORE_TLS_KEY'),
                                 readIf('CXSCORE_TLS_CERT'))
    : grpc.credentials.createInsecure();
const metadata = new grpc.Metadata();
if (env.CXSCORE_TOKEN) metadata.set('authorization', `Bearer ${env.CXSCORE_TOKEN}`);
const deadline = () => new Date(Date.now() + 10000);

const health = new loaded.grpc.health.v1.Health(address, credentials);
const cxscore = new loaded.cxscore.v1.CxScore(address, credentials);

health.Check({service: ''}, metadata, {deadline: deadline()}, (err, reply) => {
  if (err) { console.error(`health: ${err.code} ${err.details}`); process.exit(3); }
  cxscore.GetScores({group_by: ['DIMENSION_CHANNEL']}, metadata,
                    {deadline: deadline()},
                    (err2, scores) => {
    if (err2) { console.error(`GetScores: ${err2.code} ${err2.details}`); process.exit(4); }
    console.log(JSON.stringify({health: reply.status, scores}));
    process.exit(0);
  });
});
