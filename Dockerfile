# One image for the chat front end (`npm start`) and the workers (`newsdesk worker`).
# node:20-bookworm carries python3, make and g++, which `npm ci` needs to build better-sqlite3.
FROM node:20-bookworm
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY bin ./bin
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY commands ./commands
COPY prompts ./prompts
COPY corpus ./corpus
# `npm ci` builds dist/ (the prepare script), which bin/ runs.
RUN npm ci && chown -R node:node /app
USER node
ENV NODE_ENV=production
CMD ["node", "bin/newsdesk-bot.js"]
